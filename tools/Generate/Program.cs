// The demo-export generator's command line.
return Monitoring.Etl.Generate.GenerateCommand.Run(args);
