using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// The document's row in the index follows every change: <see cref="DocumentState.IndexPending"/> is written with the
/// change, and the row is written after it, at once, then by a grain timer every second for ten tries, then by the
/// <see cref="IndexReminder"/> reminder each minute, and on activation (as a space's outbox is). The index keeps the
/// newest revision, so a repeat or a late write is harmless. Clearing the mark is not written on its own: the next change
/// writes it, and until then an activation writes the row once more, which changes nothing.
/// </summary>
internal sealed partial class DocumentGrain
{
    private const string IndexReminder = "document-index";
    private const int TimerRetries = 10;
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan IndexReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _retryTimer;
    private int _retries;
    private bool _reminderSet;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.IndexPending)
        {
            _reminderSet = true;
            await DeliverIndexAsync();
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == IndexReminder)
        {
            _reminderSet = true;
            await DeliverIndexAsync();
        }
    }

    private async Task DeliverIndexAsync()
    {
        if (!State.IndexPending)
        {
            return;
        }

        try
        {
            if (State.Exists)
            {
                await index.UpsertAsync(await IndexEntryAsync(), CancellationToken.None);
            }
            else
            {
                await index.DeleteAsync(Id, CancellationToken.None);
            }

            State.IndexPending = false;
        }
        catch (Exception e)
        {
            DocumentLog.IndexFailed(logger, Id, e);
            await RetryLaterAsync();
            return;
        }

        if (_reminderSet && await this.GetReminder(IndexReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            _reminderSet = false;
        }
    }

    private async Task<DocumentIndexEntry> IndexEntryAsync()
    {
        var text = State.Versions.Count == 0
            ? ""
            : VersionText.IndexText(await VersionText.ReadAsync(content, State.Versions[^1].TextId, CancellationToken.None));
        // The space's visibility as of now, so public search finds a public space's new document before anyone lists the
        // space; a later change of the space rewrites the hint itself (DocumentsVisibilityEffect).
        var visibility = await GrainFactory.GetSpace(State.Space).GetVisibilityAsync();
        return new DocumentIndexEntry(Id, State.Space, State.Title, State.Description, [.. State.Tags], State.Language, State.Status,
            State.Versions.Count, State.Version, State.UpdatedAt, text, visibility);
    }

    private async Task RetryLaterAsync()
    {
        // The reminder first, so the pending row outlives this activation even when the timer never fires again.
        await this.RegisterOrUpdateReminder(IndexReminder, IndexReminderPeriod, IndexReminderPeriod);
        _reminderSet = true;
        if (_retryTimer is null)
        {
            _retries = 0;
            _retryTimer = this.RegisterGrainTimer(RetryAsync, RetryPeriod, RetryPeriod);
        }
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        await DeliverIndexAsync();
        if (!State.IndexPending || ++_retries >= TimerRetries)
        {
            _retryTimer?.Dispose();
            _retryTimer = null;
        }
    }
}
