@REM Runs the Maven this project pins in .mvn\wrapper\maven-wrapper.properties, fetched once by
@REM .mvn\wrapper\mvnw.ps1 (see there and in mvnw for where it comes from).
@echo off
setlocal
set "MVNW_MAVEN_HOME="
for /f "usebackq delims=" %%H in (`powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0.mvn\wrapper\mvnw.ps1"`) do set "MVNW_MAVEN_HOME=%%H"
if not defined MVNW_MAVEN_HOME exit /b 1
"%MVNW_MAVEN_HOME%\bin\mvn.cmd" %*
exit /b %ERRORLEVEL%
