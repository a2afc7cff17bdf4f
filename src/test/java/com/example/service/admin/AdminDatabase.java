package com.example.service.admin;

import java.util.HashMap;
import java.util.Map;

import com.example.service.testing.IsolatedDatabase;

/** An {@link IsolatedDatabase} for a service with the admin API accounts of {@link AdminApi}. */
public class AdminDatabase extends IsolatedDatabase {

    @Override
    public void init(Map<String, String> initArgs) {
        Map<String, String> args = new HashMap<>(initArgs);
        args.put("admin.user", AdminApi.ADMIN_USER);
        args.put("admin.password", AdminApi.ADMIN_PASSWORD);
        args.put("admin.viewer-user", AdminApi.VIEWER_USER);
        args.put("admin.viewer-password", AdminApi.VIEWER_PASSWORD);
        super.init(args);
    }
}
