using NetworkHub.Bench;

// Benchmarks print figures and ratios against a baseline measured in the same run; they never assert.
return args.FirstOrDefault() switch
{
    "directory" => await DirectoryBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench -- directory [sizes, e.g. 100,1000,10000,50000]");
    return 2;
}
