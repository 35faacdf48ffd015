using Monitoring.Dashboards.Hosting;
using Monitoring.Dashboards.LoadTest;
using Monitoring.Dashboards.Queries;

// Tools in the same dll, without starting the web host: `bench --data DIR` times the query layer,
// `loadtest --url http://127.0.0.1:PORT/public` loads a running instance from this second process.
switch (args.FirstOrDefault())
{
    case "bench": return QueryBenchmark.RunCommand(args, Console.Out);
    case "loadtest": return await LoadTestCommand.RunAsync(args, Console.Out);
}

// The content root is the app's own folder whatever the working directory (Hosting/StaticFilesRoot).
var builder = WebApplication.CreateBuilder(StaticFilesRoot.Options(args));
builder.AddDashboards();
var app = builder.Build();
app.MapDashboards();
app.Run();
return 0;
