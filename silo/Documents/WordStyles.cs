using DocumentFormat.OpenXml.Wordprocessing;

namespace NetworkHub.Silo.Documents;

/// <summary>
/// What a Word paragraph is by its properties and styles: a heading of some level, a list item (bulleted or
/// numbered), or body text. Styles are followed through their "based on" chain, so a localised heading style (its id
/// "Titre1" or "Überschrift1") or a style of one's own based on "Heading 2" is a heading as Word shows it.
/// </summary>
internal sealed class WordStyles
{
    /// <summary>Word's own chains are two or three long; a longer one is a cycle or hostile.</summary>
    private const int MaxChain = 32;

    private readonly Dictionary<string, Style> _styles = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _abstractOfInstance = [];
    private readonly Dictionary<(int Abstract, int Level), bool> _isBullet = [];
    private readonly Dictionary<string, int?> _headingLevels = new(StringComparer.Ordinal);
    private readonly string? _defaultStyleId;

    public WordStyles(Styles? styles, Numbering? numbering)
    {
        foreach (var style in styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id && (style.Type is null || style.Type.Value == StyleValues.Paragraph))
            {
                _styles.TryAdd(id, style);
                if (style.Default?.Value == true)
                {
                    _defaultStyleId ??= id;
                }
            }
        }

        foreach (var instance in numbering?.Elements<NumberingInstance>() ?? [])
        {
            if (instance.NumberID?.Value is { } numId && instance.AbstractNumId?.Val?.Value is { } abstractId)
            {
                _abstractOfInstance.TryAdd(numId, abstractId);
            }
        }

        foreach (var abstractNum in numbering?.Elements<AbstractNum>() ?? [])
        {
            if (abstractNum.AbstractNumberId?.Value is not { } abstractId)
            {
                continue;
            }

            foreach (var level in abstractNum.Elements<Level>())
            {
                if (level.LevelIndex?.Value is { } index)
                {
                    _isBullet.TryAdd((abstractId, index), level.NumberingFormat?.Val?.Value == NumberFormatValues.Bullet);
                }
            }
        }
    }

    /// <summary>
    /// 1–9 for a heading, null for other text. The paragraph's own outline level decides first (9 is body text), then
    /// its style's, then the style's name ("heading 1" … "heading 9", "Title"; Word keeps these English names when it
    /// localises the ids), then the style it is based on.
    /// </summary>
    public int? HeadingLevel(Paragraph paragraph)
    {
        if (paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value is { } own)
        {
            return OutlineToLevel(own);
        }

        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? _defaultStyleId;
        if (styleId is null)
        {
            return null;
        }

        if (!_headingLevels.TryGetValue(styleId, out var level))
        {
            level = StyleHeadingLevel(styleId);
            _headingLevels[styleId] = level;
        }

        return level;
    }

    /// <summary>A list item's nesting level (0 at the outside) and whether it is bulleted; null when not in a list.</summary>
    public (int Level, bool Bullet)? ListItem(Paragraph paragraph)
    {
        var numbering = paragraph.ParagraphProperties?.NumberingProperties;
        var numId = numbering?.NumberingId?.Val?.Value;
        var level = numbering?.NumberingLevelReference?.Val?.Value;
        foreach (var style in Chain(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? _defaultStyleId))
        {
            if (numId is not null && level is not null)
            {
                break;
            }

            var inherited = style.StyleParagraphProperties?.NumberingProperties;
            numId ??= inherited?.NumberingId?.Val?.Value;
            level ??= inherited?.NumberingLevelReference?.Val?.Value;
        }

        // Number 0 is how Word says "no list" over a style that has one.
        if (numId is not { } id || id == 0)
        {
            return null;
        }

        var ilvl = Math.Clamp(level ?? 0, 0, 8);
        // A level the list does not define is shown as the list's first level.
        var bullet = !_abstractOfInstance.TryGetValue(id, out var abstractId)
            || (_isBullet.TryGetValue((abstractId, ilvl), out var isBullet) ? isBullet : _isBullet.GetValueOrDefault((abstractId, 0), true));
        return (ilvl, bullet);
    }

    private int? StyleHeadingLevel(string styleId)
    {
        foreach (var style in Chain(styleId))
        {
            if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } outline)
            {
                return OutlineToLevel(outline);
            }

            if ((NamedLevel(style.StyleName?.Val?.Value) ?? NamedLevel(style.StyleId?.Value)) is { } named)
            {
                return named;
            }
        }

        return null;
    }

    private IEnumerable<Style> Chain(string? styleId)
    {
        for (var i = 0; i < MaxChain && styleId is not null && _styles.TryGetValue(styleId, out var style); i++)
        {
            yield return style;
            styleId = style.BasedOn?.Val?.Value;
        }
    }

    private static int? NamedLevel(string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (name.Equals("title", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        var compact = name.Replace(" ", "", StringComparison.Ordinal);
        return compact.Length == 8 && compact.StartsWith("heading", StringComparison.OrdinalIgnoreCase) && compact[7] is >= '1' and <= '9'
            ? compact[7] - '0'
            : null;
    }

    /// <summary>Word's outline levels count from 0; 9 (or anything out of range) is body text.</summary>
    private static int? OutlineToLevel(int outline) => outline is >= 0 and <= 8 ? outline + 1 : null;
}
