using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetworkHub.Silo.Storage;

/// <summary>
/// The export file: UTF-8 JSON, one object per line, the header first. Rows keep every column as stored
/// (payloads as base64 of Orleans' bytes, hashes as Orleans computed them), so an import reproduces them.
/// </summary>
internal static class ExportFile
{
    public const string Format = "networkhub-export";
    public const int FormatVersion = 1;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };
}

internal sealed record ExportHeader(string Format, int FormatVersion, int SchemaVersion, DatabaseProvider Source, DateTimeOffset ExportedAt);

/// <summary>One line of the file: exactly one of the properties is set.</summary>
internal sealed record ExportLine
{
    public ExportHeader? Header { get; init; }

    public StorageRow? Storage { get; init; }

    public ReminderRow? Reminder { get; init; }

    public KeyRow? DataProtectionKey { get; init; }

    public AuditRow? Audit { get; init; }

    public DecisionRow? Decision { get; init; }

    public DocumentCommentRow? DocumentComment { get; init; }

    public FeedbackRoundGroupRow? FeedbackRoundGroup { get; init; }

    public DocumentIndexRow? Document { get; init; }

    public ContentChunkRow? ContentChunk { get; init; }

    public ContentRow? Content { get; init; }
}

/// <summary>A row of OrleansStorage. Times are UTC.</summary>
internal sealed record StorageRow(
    int GrainIdHash, long GrainIdN0, long GrainIdN1, int GrainTypeHash, string GrainTypeString,
    string? GrainIdExtensionString, string ServiceId, byte[]? PayloadBinary, DateTime ModifiedOn, int? Version);

/// <summary>A row of OrleansRemindersTable; <c>Period</c> in milliseconds.</summary>
internal sealed record ReminderRow(
    string ServiceId, string GrainId, string ReminderName, DateTime StartTime, long Period, int GrainHash, int Version);

/// <summary>A row of networkhub_data_protection_keys (schema 2).</summary>
internal sealed record KeyRow(string FriendlyName, string Xml, DateTime CreatedOn);

/// <summary>A row of networkhub_audit (schema 3), with typed values: SQLite keeps them as text, PostgreSQL as uuid and timestamptz.</summary>
internal sealed record AuditRow(
    string Owner, long Sequence, DateTime At, Guid? ActorPerson, Guid? ActorOrganisation, string Action, Guid? Subject, string? Detail);

/// <summary>
/// A row of networkhub_decisions (schema 4), enums by name as stored. The search column is not carried: import
/// computes it from title and text.
/// </summary>
internal sealed record DecisionRow(
    Guid Committee, int Year, int Sequence, string Number, Guid Meeting, Guid Motion, string Title, string Text,
    string Outcome, string Method, int TotalYes, int TotalNo, int TotalAbstain, int Present, int Voting, int QuorumRequired,
    bool QuorumMet, string Ballot, DateTime DecidedAt);

/// <summary>A row of networkhub_document_comments (schema 6), enums by name as stored; a person's id appears as author and responder.</summary>
internal sealed record DocumentCommentRow(
    Guid Document, long Sequence, Guid Comment, int Version, string Section, string? Quote, Guid? Parent, Guid Author, Guid? Organisation,
    Guid? Round, string? GroupKind, Guid? GroupId, string Text, string Status, DateTime At, string? ResponseKind, string? ResponseReply,
    Guid? Responder, DateTime? ResponseAt);

/// <summary>A row of networkhub_feedback_round_groups (schema 6); sections as the JSON text stored.</summary>
internal sealed record FeedbackRoundGroupRow(
    Guid Round, string GroupKind, Guid GroupId, Guid Document, int Version, string Title, DateTime Deadline, string Sections, bool Closed);

/// <summary>
/// A row of networkhub_documents (schema 5), enums by name as stored, tags as a list. The full-text columns are not
/// carried: import writes the row through the index, which makes them.
/// </summary>
internal sealed record DocumentIndexRow(
    Guid Document, string SpaceKind, Guid SpaceId, bool SpacePublic, string Title, string? Description, IReadOnlyList<string> Tags,
    string? Language, string Status, int LatestVersion, long Revision, DateTime UpdatedAt, string Text);

/// <summary>
/// Bytes of one content of the content store (a version's file or its sections' text) from <c>Offset</c>, base64 in the
/// file. A content's chunks come in order, one after another, and its <see cref="ContentRow"/> right after the last.
/// </summary>
internal sealed record ContentChunkRow(Guid ContentId, long Offset, byte[] Bytes);

/// <summary>The end of one content: its size and SHA-256, which import checks against the bytes it stored.</summary>
internal sealed record ContentRow(Guid ContentId, long Size, string Sha256);

/// <summary>How many rows of each kind moved.</summary>
public sealed record TransferCounts(
    int GrainStates, int Reminders, int DataProtectionKeys, int AuditLines, int Decisions, int DocumentComments = 0, int FeedbackRoundGroups = 0,
    int Documents = 0, int Contents = 0)
{
    public override string ToString() =>
        $"{GrainStates} grain states, {Reminders} reminders, {DataProtectionKeys} data protection keys, {AuditLines} archived audit lines, " +
        $"{Decisions} decisions, {DocumentComments} document comments, {FeedbackRoundGroups} feedback round groups, " +
        $"{Documents} document index rows and {Contents} contents";
}
