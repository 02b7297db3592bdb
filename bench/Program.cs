using NetworkHub.Bench;

// Benchmarks print figures and ratios against a baseline measured in the same run; they never assert.
return args.FirstOrDefault() switch
{
    "directory" => await DirectoryBenchmark.RunAsync(args[1..]),
    "live-sessions" => await LiveSessionBenchmark.RunAsync(args[1..]),
    "meetings" => await MeetingBenchmark.RunAsync(args[1..]),
    "documents" => await DocumentBenchmark.RunAsync(args[1..]),
    "crashloop" => await CrashLoop.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench -- directory [sizes, e.g. 100,1000,10000,50000]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench -- live-sessions [--clients 100,1000] [--rounds 50] [--burst 200] [--in-flight 16] [--payload 200]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench -- meetings [--seats 500] [--watchers 2000] [--window 10] [--ballot open|secret|open,secret] [--motions 5]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench -- documents [--sizes 1,10,50] [--repeats 3] [--documents 10000] [--searches 300] [--only content,search] [--postgres url]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench -- crashloop [--api api/bin/Release/net10.0/NetworkHub.Api.dll] [--kills 30] [--writers 4] [--seed n]");
    return 2;
}
