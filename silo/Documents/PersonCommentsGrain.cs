using NetworkHub.Contracts.Documents;
using Orleans.Concurrency;

namespace NetworkHub.Silo.Documents;

/// <summary>A person's comments for their export, straight from the table (indexed by author); no state of its own.</summary>
[StatelessWorker]
public sealed class PersonCommentsGrain(DocumentCommentTable table) : Grain, IPersonCommentsGrain
{
    public async Task<IReadOnlyList<DocumentComment>> GetAsync() => await table.ByAuthorAsync(this.GetPrimaryKey());
}
