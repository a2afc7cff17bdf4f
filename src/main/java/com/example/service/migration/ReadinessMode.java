package com.example.service.migration;

/** Which schema states let this code serve traffic. */
public enum ReadinessMode {
    /** Current version equals the latest this code knows, and no drift. */
    STRICT,
    /**
     * Nothing pending or failed for this code; migrations newer than the code are tolerated so that
     * rolling deploys and rollbacks keep older replicas serving. Drift is reported, not fatal.
     */
    COMPATIBLE
}
