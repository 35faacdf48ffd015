// The load tester's command line (LoadTestCommand.cs declares its options).
return await Monitoring.Tools.LoadTest.LoadTestCommand.RunAsync(args);
