using NetworkHub.Api.Tests.Documents;
using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Spaces;

namespace NetworkHub.Api.Tests.Access;

/// <summary>
/// For the comments and feedback rounds rows: a document in each visibility's organisation with one Markdown version
/// (stored as the API stores one), a comment by the member, and an open round inviting the organisation.
/// </summary>
public sealed partial class AccessWorld
{
    public const string FeedbackSection = "s-chapter-one";

    private readonly Dictionary<Visibility, Guid> _documents = [];
    private readonly Dictionary<Visibility, Guid> _documentComments = [];
    private readonly Dictionary<Visibility, Guid> _rounds = [];

    public Guid Document(Visibility visibility) => _documents[visibility];

    public Guid DocumentComment(Visibility visibility) => _documentComments[visibility];

    public Guid Round(Visibility visibility) => _rounds[visibility];

    /// <summary>A round the coordinator opens on the row's document, inviting its organisation for every section.</summary>
    public object RoundBody(Visibility visibility) => new
    {
        version = 1,
        title = "Chapter review",
        deadline = DateTimeOffset.UtcNow.AddDays(30),
        groups = new[] { new { kind = "organisation", spaceId = Space(Organisation, visibility), sectionIds = Array.Empty<string>() } },
    };

    private async Task BuildFeedbackAsync()
    {
        foreach (var visibility in Enum.GetValues<Visibility>())
        {
            var document = await TestDocuments.CreateAsync(Host, Coordinator.PersonId, new SpaceRef(Organisation, Space(Organisation, visibility)),
                new DocumentSection(FeedbackSection, 1, "Chapter one", "The first chapter's text."));
            _documents[visibility] = document;

            var comment = await Client(Principal.Member).PostAsync($"/api/v1/documents/{document}/comments",
                new { version = 1, sectionId = FeedbackSection, text = "Please add the municipalities." });
            _documentComments[visibility] = (await TestClient.ReadAsync<CommentView>(comment, System.Net.HttpStatusCode.Created)).Comment.CommentId;
            _rounds[visibility] = await NewRoundAsync(visibility);
        }
    }

    /// <summary>A fresh open round on the row's document, for rows that close one.</summary>
    public async Task<Guid> NewRoundAsync(Visibility visibility)
    {
        var round = await Coordinator.PostAsync($"/api/v1/documents/{Document(visibility)}/feedback-rounds", RoundBody(visibility));
        return (await TestClient.ReadAsync<FeedbackRoundDetails>(round, System.Net.HttpStatusCode.Created)).RoundId;
    }
}
