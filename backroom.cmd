@echo off
rem Runs the Backroom console on Windows. With no --server it starts the embedded sandbox gateway.
setlocal
set "ROOT=%~dp0"
if not exist "%ROOT%app\target\backroom-app.jar" (
  echo Building Backroom (first run; this takes a minute)...
  call mvn -B -q -f "%ROOT%pom.xml" -DskipTests -pl app -am package || exit /b 1
)
if not defined BACKROOM_JAVA_OPTS set "BACKROOM_JAVA_OPTS=-Xmx448m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m"
java %BACKROOM_JAVA_OPTS% -jar "%ROOT%app\target\backroom-app.jar" %*
