using NetworkHub.Contracts.Documents;
using NetworkHub.Contracts.Errors;
using NetworkHub.Silo.Documents;

namespace NetworkHub.Silo.Tests.Documents;

public sealed class DocumentRulesTests
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\ana\\plan.docx", "plan.docx")]
    [InlineData("pla\0n.pdf", "plan.pdf")]
    [InlineData("report\u202Excod.exe", "reportxcod.exe")]
    [InlineData("\u2066a\u2069\u200E\u200Fb.txt", "ab.txt")]
    [InlineData("line\r\nbreak.md", "linebreak.md")]
    [InlineData("..", "document")]
    [InlineData("   ", "document")]
    [InlineData(null, "document")]
    [InlineData("folder/", "folder")]
    public void FileName_DropsPathsControlsAndBidiOverrides(string? name, string expected) =>
        Assert.Equal(expected, DocumentRules.FileName(name));

    [Fact]
    public void FileName_LongerThanTheLimit_IsCutKeepingTheExtension()
    {
        var name = DocumentRules.FileName(new string('a', 300) + ".docx");

        Assert.Equal(DocumentLimits.FileNameMaxLength, name.Length);
        Assert.EndsWith("aaa.docx", name);
    }

    [Fact]
    public void FileName_CutInsideASurrogatePair_KeepsThePairWhole()
    {
        var name = DocumentRules.FileName(new string('a', DocumentLimits.FileNameMaxLength - 6) + string.Concat(Enumerable.Repeat("😀", 10)) + ".md");

        Assert.True(name.Length <= DocumentLimits.FileNameMaxLength);
        Assert.False(char.IsHighSurrogate(name[^4]));
        Assert.EndsWith(".md", name);
    }

    [Theory]
    [InlineData("es", "es")]
    [InlineData("FR-ca", "fr-CA")]
    [InlineData("zh-hant-tw", "zh-Hant-TW")]
    [InlineData("es-419", "es-419")]
    [InlineData(" ", null)]
    public void Language_WellFormedTags_AreKeptInTheirUsualCase(string language, string? expected) =>
        Assert.Equal(expected, DocumentRules.Language(language));

    [Theory]
    [InlineData("e")]
    [InlineData("english language")]
    [InlineData("fr_CA")]
    [InlineData("fr--CA")]
    public void Language_MalformedTags_AreRejected(string language) =>
        Assert.Equal(DocumentErrors.InvalidInput, Assert.Throws<RejectedException>(() => DocumentRules.Language(language)).Code);
}
