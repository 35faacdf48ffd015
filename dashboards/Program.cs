using Monitoring.Dashboards.Hosting;

// The content root is the app's own folder whatever the working directory (Hosting/StaticFilesRoot).
var builder = WebApplication.CreateBuilder(StaticFilesRoot.Options(args));
builder.AddDashboards();
var app = builder.Build();
app.MapDashboards();
app.Run();
return 0;
