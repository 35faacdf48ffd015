using Monitoring.Dashboards.Hosting;
using Monitoring.Dashboards.Queries;

// `bench --data DIR` times the query layer without starting the web host.
if (args.FirstOrDefault() == "bench") return QueryBenchmark.RunCommand(args, Console.Out);

var builder = WebApplication.CreateBuilder(args);
builder.AddDashboards();
var app = builder.Build();
app.MapDashboards();
app.Run();
return 0;
