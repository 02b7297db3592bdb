using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NetworkHub.Contracts.Errors;

namespace NetworkHub.Api.Infrastructure;

/// <summary>
/// The id of what a create makes. Clients never choose it: with a client-chosen id, any answer that differs from
/// a free id's (409 "exists", a 403) tells whether a private space or session exists, and a client could address
/// someone else's resource through a create. A retry stays safe with an <c>Idempotency-Key</c> header instead:
/// the id is a keyed hash of who asks, what they create (and where) and the key, so the same person repeating
/// the same key reaches the same grain, whose create is a no-op for its creator, and anyone else reaches another.
/// </summary>
public static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxLength = 128;
    public const string InvalidCode = "request.idempotency-key";
    private const string Purpose = "resource-id";
    private const string ParameterId = "IdempotencyKey";
    private const string Pattern = "^[A-Za-z0-9._~:-]{1,128}$";

    /// <summary>
    /// The id for a new resource of <paramref name="scope"/> (its kind, and its parent when it has one): derived
    /// from the caller and the request's Idempotency-Key when there is one, else fresh.
    /// </summary>
    public static async Task<Guid> NewResourceIdAsync(this ServerKeys keys, HttpContext context, string scope)
    {
        var key = Read(context.Request);
        var who = context.User.Caller() switch
        {
            { PersonId: { } person } => $"person:{person:N}",
            { KeyOrganisationId: { } organisation } => $"organisation:{organisation:N}",
            _ => null,
        };

        // Nobody signed in cannot create anything; a fresh id lets the grain give its usual 401.
        if (key is null || who is null)
        {
            return Guid.CreateVersion7();
        }

        return ToGuid(await keys.HashAsync(Purpose, $"{who}\n{scope}\n{key}"));
    }

    /// <summary>Documents the optional header on a create, as one reusable parameter of the document.</summary>
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            var document = context.Document!;
            document.Components ??= new OpenApiComponents();
            document.Components.Parameters ??= new Dictionary<string, IOpenApiParameter>();
            document.Components.Parameters.TryAdd(ParameterId, new OpenApiParameter
            {
                Name = HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Makes a create safe to retry: the same person (or API key's organisation) sending the same key " +
                    "to the same operation gets the same resource, created once. Up to 128 letters, digits and . _ ~ : -; " +
                    "a fresh UUID per intended resource is a good key. Without it, every create makes a new resource.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = MaxLength, Pattern = Pattern },
            });
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameterReference(ParameterId, document));
            return Task.CompletedTask;
        });

    private static string? Read(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(HeaderName, out var values))
        {
            return null;
        }

        if (values.Count != 1 || values[0] is not { Length: > 0 and <= MaxLength } key || !key.All(IsAllowed))
        {
            throw new InvalidInputException(InvalidCode,
                $"The {HeaderName} header must be one value of 1 to {MaxLength} letters, digits and . _ ~ : - characters.");
        }

        return key;
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '~' or ':' or '-';

    /// <summary>An RFC 9562 version 8 (custom) UUID, so a derived id can never equal a server-made version 7 one.</summary>
    private static Guid ToGuid(byte[] hash)
    {
        Span<byte> bytes = stackalloc byte[16];
        hash.AsSpan(0, 16).CopyTo(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
