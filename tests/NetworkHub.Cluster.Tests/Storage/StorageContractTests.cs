using System.Security.Cryptography;
using Orleans.Storage;

namespace NetworkHub.Cluster.Tests.Storage;

/// <summary>
/// The grain storage contract of Orleans 10.4.2 against our SQL scripts, through Orleans' own ADO.NET provider:
/// the same facts must hold on SQLite (embedded mode) and PostgreSQL (cluster mode).
/// </summary>
public abstract class StorageContractTests
{
    private readonly IStorageFixture _fixture;
    private readonly string _stateName = "probe-" + Guid.NewGuid().ToString("N")[..8];

    private protected StorageContractTests(IStorageFixture fixture) => _fixture = fixture;

    private IGrainStorage Storage => _fixture.Silo.Storage;

    [Fact]
    public async Task WriteStateAsync_ThenReadStateAsync_ReturnsTheStateAndETag()
    {
        var grain = NewGrain();
        var written = new GrainState<ProbeState>(new ProbeState { Text = "first" });

        await Storage.WriteStateAsync(_stateName, grain, written);
        var read = await ReadAsync(grain);

        Assert.True(read.RecordExists);
        Assert.Equal("first", read.State!.Text);
        Assert.NotNull(written.ETag);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task WriteStateAsync_Again_ReplacesTheStateAndChangesTheETag()
    {
        var grain = NewGrain();
        var state = new GrainState<ProbeState>(new ProbeState { Text = "first" });
        await Storage.WriteStateAsync(_stateName, grain, state);
        var firstETag = state.ETag;

        state.State!.Text = "second";
        await Storage.WriteStateAsync(_stateName, grain, state);
        var read = await ReadAsync(grain);

        Assert.Equal("second", read.State!.Text);
        Assert.NotEqual(firstETag, read.ETag);
        Assert.Equal(1, await _fixture.CountRowsAsync(_stateName));
    }

    [Fact]
    public async Task ReadStateAsync_WhenNothingWasWritten_FindsNoRecord()
    {
        var read = await ReadAsync(NewGrain());

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal("", read.State!.Text);
    }

    [Fact]
    public async Task ClearStateAsync_DeletesTheRow()
    {
        var grain = NewGrain();
        var state = new GrainState<ProbeState>(new ProbeState { Text = "to be cleared" });
        await Storage.WriteStateAsync(_stateName, grain, state);

        await Storage.ClearStateAsync(_stateName, grain, state);
        var read = await ReadAsync(grain);

        Assert.False(read.RecordExists);
        Assert.Equal("", read.State!.Text);
        Assert.Equal(0, await _fixture.CountRowsAsync(_stateName));
    }

    [Fact]
    public async Task WriteStateAsync_WithStaleETag_ThrowsInconsistentStateException()
    {
        var grain = NewGrain();
        await Storage.WriteStateAsync(_stateName, grain, new GrainState<ProbeState>(new ProbeState { Text = "v1" }));
        var first = await ReadAsync(grain);
        var second = await ReadAsync(grain);
        first.State!.Text = "first writer";
        await Storage.WriteStateAsync(_stateName, grain, first);

        second.State!.Text = "second writer";
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(_stateName, grain, second));

        Assert.Equal("first writer", (await ReadAsync(grain)).State!.Text);
    }

    [Fact]
    public async Task WriteStateAsync_WhenAnotherFirstWriteWon_ThrowsInconsistentStateException()
    {
        var grain = NewGrain();
        await Storage.WriteStateAsync(_stateName, grain, new GrainState<ProbeState>(new ProbeState { Text = "winner" }));

        // This one also believes nothing is stored yet (no ETag): two activations of one grain in a split moment.
        var loser = new GrainState<ProbeState>(new ProbeState { Text = "loser" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(_stateName, grain, loser));

        Assert.Equal("winner", (await ReadAsync(grain)).State!.Text);
        Assert.Equal(1, await _fixture.CountRowsAsync(_stateName));
    }

    [Fact]
    public async Task ClearStateAsync_WithStaleETag_ThrowsInconsistentStateException()
    {
        var grain = NewGrain();
        await Storage.WriteStateAsync(_stateName, grain, new GrainState<ProbeState>(new ProbeState { Text = "v1" }));
        var stale = await ReadAsync(grain);
        var current = await ReadAsync(grain);
        current.State!.Text = "v2";
        await Storage.WriteStateAsync(_stateName, grain, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(_stateName, grain, stale));

        Assert.Equal("v2", (await ReadAsync(grain)).State!.Text);
    }

    [Fact]
    public async Task WriteStateAsync_OneMegabytePayload_RoundTrips()
    {
        var grain = NewGrain();
        var blob = RandomNumberGenerator.GetBytes(1024 * 1024);

        await Storage.WriteStateAsync(_stateName, grain, new GrainState<ProbeState>(new ProbeState { Text = "large", Blob = blob }));
        var read = await ReadAsync(grain);

        Assert.Equal(blob, read.State!.Blob);
    }

    private static GrainId NewGrain() => GrainId.Create("probe", Guid.NewGuid().ToString("N"));

    private async Task<GrainState<ProbeState>> ReadAsync(GrainId grain)
    {
        var state = new GrainState<ProbeState>();
        await Storage.ReadStateAsync(_stateName, grain, state);
        return state;
    }
}

public sealed class SqliteStorageContractTests(SqliteStorageFixture fixture)
    : StorageContractTests(fixture), IClassFixture<SqliteStorageFixture>;

public sealed class PostgreSqlStorageContractTests(PostgreSqlStorageFixture fixture)
    : StorageContractTests(fixture), IClassFixture<PostgreSqlStorageFixture>;
