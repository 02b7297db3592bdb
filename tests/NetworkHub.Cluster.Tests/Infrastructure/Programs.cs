namespace NetworkHub.Cluster.Tests.Infrastructure;

/// <summary>
/// The silo and API programs as the build left them (this project's references build them first), in the
/// same configuration as this test assembly, started the way an operator would: <c>dotnet NetworkHub.Silo.dll</c>.
/// </summary>
internal static class Programs
{
    private static readonly DirectoryInfo Output = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    public static string RepositoryRoot { get; } = FindRoot();

    public static string SiloDirectory => BuildOutput("silo");

    public static string ApiDirectory => BuildOutput("api");

    public static string SiloDll => Path.Combine(SiloDirectory, "NetworkHub.Silo.dll");

    public static string ApiDll => Path.Combine(ApiDirectory, "NetworkHub.Api.dll");

    public static string PostgresScript => Path.Combine(RepositoryRoot, "scripts", "postgres.sh");

    /// <summary>Runs the silo program with a maintenance command (migrate, export, import) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunSiloCommandAsync(params string[] args)
    {
        await using var process = NodeProcess.Start("silo-command", SiloDll, args, SiloDirectory);
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, process.Output);
    }

    private static string BuildOutput(string project)
    {
        // bin/<Configuration>/<TargetFramework>/ of this assembly, mirrored in the project's own folder.
        var path = Path.Combine(RepositoryRoot, project, "bin", Output.Parent!.Name, Output.Name);
        return Directory.Exists(path) ? path : throw new DirectoryNotFoundException($"No build of {project} at {path}; build NetworkHub.sln first.");
    }

    private static string FindRoot()
    {
        for (var directory = Output; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NetworkHub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("NetworkHub.sln not found above " + Output.FullName);
    }
}
