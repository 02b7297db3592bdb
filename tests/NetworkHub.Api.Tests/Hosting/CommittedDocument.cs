namespace NetworkHub.Api.Tests.Hosting;

/// <summary>
/// The contract documents in docs/ are built from the code and committed, so a change to the contract shows in review;
/// a test fails when the committed copy differs, and rewrites it when its environment variable is 1.
/// </summary>
internal static class CommittedDocument
{
    public static async Task AssertMatchesAsync(string fileName, string text, string updateVariable)
    {
        var committed = Path.Combine(SmokeTests.RepositoryRoot(), "docs", fileName);
        if (Environment.GetEnvironmentVariable(updateVariable) == "1")
        {
            await File.WriteAllTextAsync(committed, text, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(committed), $"docs/{fileName} is missing: run the tests once with {updateVariable}=1");
        Assert.Equal(await File.ReadAllTextAsync(committed, TestContext.Current.CancellationToken), text);
    }
}
