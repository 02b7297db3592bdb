namespace NetworkHub.Cluster.Tests.Storage;

/// <summary>What the storage contract tests store: some text and an arbitrary amount of bytes.</summary>
[GenerateSerializer, Alias("NetworkHub.Tests.ProbeState")]
public sealed class ProbeState
{
    [Id(0)] public string Text { get; set; } = "";
    [Id(1)] public byte[] Blob { get; set; } = [];
}
