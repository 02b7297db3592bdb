using System.Collections;
using System.ComponentModel.DataAnnotations;

namespace NetworkHub.Api.Infrastructure;

/// <summary>
/// A name or label is plain text on one line: no control characters and no angle brackets, so it can never
/// be mistaken for markup wherever it is shown. Longer texts (descriptions) are stored as given and encoded on output.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PlainTextAttribute() : ValidationAttribute("{0} must be plain text on one line, without '<', '>' or control characters.")
{
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string text => IsPlain(text),
        IEnumerable items => items.Cast<object?>().All(i => i is string s && IsPlain(s)),
        _ => false,
    };

    internal static bool IsPlain(string text) =>
        !text.AsSpan().ContainsAny('<', '>') && !text.Any(char.IsControl) && text.Trim().Length == text.Length && text.Length > 0;
}

/// <summary>Every item of a list is a non-empty string of at most <paramref name="maxLength"/> characters.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class EachLengthAttribute(int maxLength) : ValidationAttribute($"Each item of {{0}} must be 1 to {maxLength} characters.")
{
    public override bool IsValid(object? value) =>
        value is not IEnumerable items || items.Cast<object?>().All(i => i is string { Length: > 0 } s && s.Length <= maxLength);
}

/// <summary>No item of a list is null: validation does not look into a null item, and the handler would fail on it.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class NoNullItemsAttribute() : ValidationAttribute("{0} must not contain null items.")
{
    public override bool IsValid(object? value) => value is not IEnumerable items || items.Cast<object?>().All(i => i is not null);
}

/// <summary>An ISO 3166-1 alpha-2 country code such as "CO" or "SN".</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class CountryCodeAttribute() : RegularExpressionAttribute("^[A-Z]{2}$")
{
    public override string FormatErrorMessage(string name) => $"{name} must be a two-letter ISO 3166 country code in capitals, such as \"CO\".";
}

/// <summary>Multi-line free text: any characters but NUL and the other C0 controls apart from tab and line breaks.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class FreeTextAttribute() : ValidationAttribute("{0} must not contain control characters.")
{
    public override bool IsValid(object? value) =>
        value is not string text || !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
}

/// <summary>An absolute http or https address.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class WebAddressAttribute() : ValidationAttribute("{0} must be an absolute http or https address.")
{
    public override bool IsValid(object? value) =>
        value is null || (value is string text && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https");
}

/// <summary>
/// A query-string value naming a member of <paramref name="type"/> as the JSON bodies spell it ("municipality-or-region"),
/// so a filter uses the same words as the resources it filters.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class EnumNameAttribute(Type type)
    : ValidationAttribute($"{{0}} must be one of: {string.Join(", ", Enum.GetNames(type).Select(KebabName))}.")
{
    public override bool IsValid(object? value) => value is not string text || TryParse(type, text, out _);

    public static T? Parse<T>(string? text) where T : struct, Enum =>
        text is not null && TryParse(typeof(T), text, out var value) ? (T)value : null;

    private static bool TryParse(Type type, string text, out object value)
    {
        var name = Enum.GetNames(type).FirstOrDefault(n => KebabName(n) == text);
        value = name is null ? 0 : Enum.Parse(type, name);
        return name is not null;
    }

    private static string KebabName(string name) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
