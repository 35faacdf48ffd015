// The demo-export generator's command line (Generate/GenerateCommand.cs declares its options).
return Monitoring.Tools.Generate.GenerateCommand.Run(args);
