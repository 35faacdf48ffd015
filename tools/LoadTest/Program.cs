// The load tester's command line.
return await Monitoring.Dashboards.LoadTest.LoadTestCommand.RunAsync(args, Console.Out);
