Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Platform.Benchmarks -- <scenario>");
return 2;
