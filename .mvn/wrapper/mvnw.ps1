# mvnw.cmd's helper on Windows: makes sure the Maven pinned in maven-wrapper.properties is in
# $MAVEN_USER_HOME\wrapper\dists (default ~\.m2), fetched from the Maven repository in MVNW_REPOURL,
# else through the mvn on the PATH, and checked against the pinned SHA-512; prints its home.
$ErrorActionPreference = 'Stop'

function Fail([string] $message) {
    [Console]::Error.WriteLine("mvnw: $message")
    exit 1
}

$properties = @{}
Get-Content (Join-Path $PSScriptRoot 'maven-wrapper.properties') | Where-Object { $_ -match '^[A-Za-z0-9]+=' } |
    ForEach-Object { $key, $value = $_ -split '=', 2; $properties[$key] = $value.Trim() }
$version = $properties['mavenVersion']
$sha512 = $properties['distributionSha512Sum']
if (-not $version -or -not $sha512) { Fail 'maven-wrapper.properties must set mavenVersion and distributionSha512Sum' }

$userHome = if ($env:MAVEN_USER_HOME) { $env:MAVEN_USER_HOME } else { Join-Path $HOME '.m2' }
$dists = Join-Path $userHome 'wrapper\dists'
$mavenHome = Join-Path $dists "apache-maven-$version"
if (Test-Path (Join-Path $mavenHome 'bin\mvn.cmd')) {
    Write-Output $mavenHome
    exit 0
}

New-Item -ItemType Directory -Force -Path $dists | Out-Null
$work = Join-Path $dists ".apache-maven-$version.$([Guid]::NewGuid().ToString('N'))"
New-Item -ItemType Directory -Path $work | Out-Null
$archive = Join-Path $work "apache-maven-$version-bin.tar.gz"
try {
    if ($env:MVNW_REPOURL) {
        $url = $env:MVNW_REPOURL.TrimEnd('/') + "/org/apache/maven/apache-maven/$version/apache-maven-$version-bin.tar.gz"
        try { Invoke-WebRequest -UseBasicParsing -Uri $url -OutFile $archive } catch { Fail "cannot download ${url}: $($_.Exception.Message)" }
    } elseif (Get-Command mvn -ErrorAction SilentlyContinue) {
        Push-Location $work
        try {
            & mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy "-Dartifact=org.apache.maven:apache-maven:${version}:tar.gz:bin" '-DoutputDirectory=.' | Out-Host
            if ($LASTEXITCODE -ne 0) { Fail "the mvn on the PATH could not fetch org.apache.maven:apache-maven:${version}:tar.gz:bin (see above)" }
        } finally { Pop-Location }
    } else {
        Fail "Maven $version is not in $dists yet, and there is nothing to fetch it with: set MVNW_REPOURL to the URL of a Maven repository (your mirror, or Maven Central), or put any mvn on the PATH"
    }
    $actual = (Get-FileHash -Algorithm SHA512 -Path $archive).Hash.ToLowerInvariant()
    if ($actual -ne $sha512.ToLowerInvariant()) {
        Fail "the downloaded apache-maven-$version-bin.tar.gz has SHA-512 $actual, not the pinned $sha512; nothing installed"
    }
    tar -xzf $archive -C $work
    if ($LASTEXITCODE -ne 0) { Fail "cannot unpack $archive" }
    if (-not (Test-Path (Join-Path $mavenHome 'bin\mvn.cmd'))) {
        if (Test-Path $mavenHome) { Fail "$mavenHome is an incomplete Maven: remove it and run mvnw again" }
        Move-Item (Join-Path $work "apache-maven-$version") $mavenHome
        [Console]::Error.WriteLine("mvnw: installed Maven $version in $mavenHome")
    }
} finally {
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}
Write-Output $mavenHome
