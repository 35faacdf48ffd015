Console.WriteLine("etl");
