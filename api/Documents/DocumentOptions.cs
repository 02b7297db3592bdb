using System.ComponentModel.DataAnnotations;
using NetworkHub.Contracts.Documents;

namespace NetworkHub.Api.Documents;

/// <summary>Limits of documents. Section "Documents".</summary>
public sealed class DocumentOptions
{
    public const string SectionName = "Documents";

    /// <summary>The largest file a version may be, in bytes; one byte more gets 413 <c>document.too-large</c> and nothing is stored.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = DocumentLimits.DefaultMaxUploadBytes;
}

public static class DocumentSetup
{
    public static WebApplicationBuilder AddDocuments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DocumentOptions>().Bind(builder.Configuration.GetSection(DocumentOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}
