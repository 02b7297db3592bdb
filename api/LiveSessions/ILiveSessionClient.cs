using NetworkHub.Contracts.Committees;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.LiveSessions;

namespace NetworkHub.Api.LiveSessions;

/// <summary>
/// What the server sends a connection of <see cref="LiveSessionHub"/>. Per stream it joined (a session, a meeting, a document), a
/// connection receives either a snapshot or the events it missed, then every later event, in sequence order and each once,
/// one per message or several consecutive ones in a batch message.
/// </summary>
public interface ILiveSessionClient
{
    /// <summary>The next change of a session it joined.</summary>
    Task Event(LiveSessionEvent sessionEvent);

    /// <summary>
    /// Several consecutive changes of a session it joined, in order, as if each had come as an <see cref="Event"/>:
    /// what the server sends when changes come faster than it sends messages one by one.
    /// </summary>
    Task Events(IReadOnlyList<LiveSessionEvent> sessionEvents);

    /// <summary>The whole session as of <see cref="LiveSessionView.Sequence"/>: on joining, or when too far behind to catch up.</summary>
    Task Snapshot(LiveSessionView view);

    /// <summary>The next change of a meeting it joined.</summary>
    Task MeetingEvent(MeetingEvent meetingEvent);

    /// <summary>Several consecutive changes of a meeting it joined, in order, as if each had come as a <see cref="MeetingEvent"/>.</summary>
    Task MeetingEvents(IReadOnlyList<MeetingEvent> meetingEvents);

    /// <summary>The whole meeting as of <see cref="MeetingView.Sequence"/>: on joining, or when too far behind to catch up.</summary>
    Task MeetingSnapshot(MeetingView view);

    /// <summary>The next change of a document it watches.</summary>
    Task DocumentEvent(DocumentEvent documentEvent);

    /// <summary>Several consecutive changes of a document it watches, in order, as if each had come as a <see cref="DocumentEvent"/>.</summary>
    Task DocumentEvents(IReadOnlyList<DocumentEvent> documentEvents);

    /// <summary>The whole document as of <see cref="Contracts.Documents.DocumentSnapshot.Sequence"/>: on joining, or when too far behind to catch up.</summary>
    Task DocumentSnapshot(DocumentSnapshot snapshot);

    /// <summary>The last message before the server closes the connection: the sign-in it was made with ended.</summary>
    Task Ended(ConnectionEnded ended);
}

/// <summary>Why the server closed a connection; <see cref="Code"/> is one of the <c>live-session.*</c> error codes.</summary>
public sealed record ConnectionEnded(string Code, string Message);
