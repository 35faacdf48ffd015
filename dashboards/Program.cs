using Monitoring.Dashboards.Hosting;

// --help, or arguments that are neither an option nor a setting: answered here, before any server starts.
if (HostCommandLine.Check(args) is { } exit) return exit;

// The content root is the app's own folder whatever the working directory (Hosting/StaticFilesRoot).
var builder = WebApplication.CreateBuilder(StaticFilesRoot.Options(args));
builder.AddDashboards();
var app = builder.Build();
app.MapDashboards();
app.Run();
return 0;
