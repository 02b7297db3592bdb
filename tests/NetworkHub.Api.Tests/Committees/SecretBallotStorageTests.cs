using System.Collections;
using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NetworkHub.Api.Tests.Hosting;
using NetworkHub.Api.Tests.Live;
using NetworkHub.Contracts.Committees;
using NetworkHub.Silo.Committees;
using Orleans.Serialization;

namespace NetworkHub.Api.Tests.Committees;

/// <summary>
/// What a secret ballot leaves behind, read as an attacker holding the database files would: the SQLite file and its
/// write-ahead log, the meeting's stored state and event log, its audit lines and the events its watchers received.
/// The same meeting holds an open ballot, where the same reading does find each seat's choice: the reading works.
/// </summary>
public sealed class SecretBallotStorageTests
{
    [Fact]
    public async Task SecretBallot_KeepsNoSeatNextToAChoice_InTheDatabaseFilesTheEventLogOrTheAudit()
    {
        await using var host = await ApiHost.StartAsync(ApiHost.NewDatabasePath());
        var committee = await SeatedCommittee.CreateAsync(host, partners: 3);
        var (path, item) = await committee.SittingAsync();
        await using var watcher = await MeetingWatcher.ConnectAsync(host, committee.Secretary);
        await watcher.JoinAsync(Guid.Parse(path[(path.LastIndexOf('/') + 1)..]));
        string[] choices = ["yes", "no", "abstain"];

        var (_, open) = await committee.OpenVoteAsync(path, item, "open", "Open ballot.");
        var (_, secret) = await committee.OpenVoteAsync(path, item, "secret", "Secret ballot.");
        for (var seat = 0; seat < 3; seat++)
        {
            await committee.CastAsync(path, open, seat, choices[seat]);
            await committee.CastAsync(path, secret, seat, choices[seat]);
        }

        var copiesWhileOpen = Copies(host.DatabasePath, secret);
        await TestClient.Expect(await committee.Secretary.PostAsync($"{path}/votes/{open}/close"), HttpStatusCode.OK);
        await TestClient.Expect(await committee.Secretary.PostAsync($"{path}/votes/{secret}/close"), HttpStatusCode.OK);
        await watcher.WaitForAsync<VoteClosed>(c => c.VoteId == secret);
        var copiesAfterClose = await TestClient.EventuallyAsync(() => Task.FromResult(Copies(host.DatabasePath, secret)), c => c.InFiles <= c.InRows);
        var stored = StoredMeeting(host, secret);
        var audit = await committee.Secretary.GetAsync<JsonElement>($"{path}/audit?limit=200");

        // While the ballot was open, the log held earlier copies of the state: each cast's totals beside its seats.
        Assert.True(copiesWhileOpen.InFiles > copiesWhileOpen.InRows, $"{copiesWhileOpen}: the reading finds earlier copies");
        Assert.True(copiesAfterClose.InFiles <= copiesAfterClose.InRows, $"{copiesAfterClose}: the files hold no earlier copy once the ballot closed");
        var openRecord = stored.Votes.Single(v => v.Id == open);
        var secretRecord = stored.Votes.Single(v => v.Id == secret);
        Assert.Equal(3, ChoicesIn(openRecord));
        Assert.Equal(0, ChoicesIn(secretRecord));
        Assert.Equal((1, 1, 1), (secretRecord.Totals.Yes, secretRecord.Totals.No, secretRecord.Totals.Abstain));
        Assert.Equal(committee.Seats.Select(s => s.SeatId).Order(), secretRecord.Voted.Select(v => v.SeatId));
        Assert.Equal(0, ChoicesIn(stored.Log.Recent.Where(e => VoteOf(e.Change) == secret)));
        Assert.Equal(0, ChoicesIn(watcher.Events.Where(e => VoteOf(e.Change) == secret)));
        Assert.True(ChoicesIn(watcher.Events.Where(e => VoteOf(e.Change) == open)) >= 3);
        var secretLines = audit.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("subjectId").GetString() == secret.ToString()).ToList();
        Assert.True(secretLines.Count >= 3, "each cast is on record");
        Assert.All(secretLines, line => Assert.DoesNotContain(line.GetProperty("detail").GetString() ?? "", choices.Where(c => c != "no")));
    }

    /// <summary>Occurrences of the vote's id, as Orleans writes a Guid, in the database files and in the rows stored now.</summary>
    private static (int InFiles, int InRows) Copies(string databasePath, Guid vote)
    {
        var needle = vote.ToByteArray();
        var inFiles = DatabaseFiles.Count(DatabaseFiles.Read(databasePath), needle);
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT PayloadBinary FROM OrleansStorage WHERE PayloadBinary IS NOT NULL";
        using var reader = command.ExecuteReader();
        var inRows = 0;
        while (reader.Read())
        {
            inRows += DatabaseFiles.Count((byte[])reader[0], needle);
        }

        return (inFiles, inRows);
    }

    /// <summary>The meeting's state as stored, read from its row with the silo's own serializer.</summary>
    private static MeetingState StoredMeeting(ApiHost host, Guid vote)
    {
        var serializer = host.Services.GetRequiredService<Serializer>();
        using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT PayloadBinary FROM OrleansStorage WHERE GrainTypeString LIKE '%meeting%' AND instr(PayloadBinary, $vote) > 0";
        command.Parameters.AddWithValue("$vote", vote.ToByteArray());
        return serializer.Deserialize<MeetingState>((byte[])command.ExecuteScalar()!) ?? throw new InvalidOperationException("No stored meeting.");
    }

    private static Guid? VoteOf(MeetingChange change) => change switch
    {
        TallyChanged t => t.VoteId,
        VoteClosed c => c.VoteId,
        VoteOpened o => o.VoteId,
        _ => null,
    };

    /// <summary>Every <see cref="BallotChoice"/> reachable from <paramref name="root"/> through its public properties and items.</summary>
    private static int ChoicesIn(object? root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var count = 0;
        var pending = new Stack<object?>([root]);
        while (pending.TryPop(out var value))
        {
            switch (value)
            {
                case null or string or Guid or DateTimeOffset:
                    continue;
                case BallotChoice:
                    count++;
                    continue;
                case Enum or ValueType when value.GetType().Namespace?.StartsWith("NetworkHub", StringComparison.Ordinal) != true:
                    continue;
            }

            if (!value.GetType().IsValueType && !seen.Add(value))
            {
                continue;
            }

            if (value is IEnumerable items)
            {
                foreach (var i in items)
                {
                    pending.Push(i);
                }

                continue;
            }

            foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                pending.Push(property.GetValue(value));
            }
        }

        return count;
    }
}
