namespace NetworkHub.Api.Tests.Access;

/// <summary>Every kind of caller the authorisation matrix covers, in the order of the matrix's columns.</summary>
public enum Principal
{
    Anonymous,
    Outsider,
    Observer,
    Member,
    Coordinator,

    /// <summary>Was a member of every space; removed over REST while the world was built.</summary>
    Removed,

    /// <summary>Was a member of every space; signed out via /auth/sign-out, and its token is used again.</summary>
    SignedOut,

    /// <summary>A read key of the row's organisation (which is an active member organisation of the row's coalition).</summary>
    OwnReadKey,

    /// <summary>A read-write key of an organisation that belongs to nothing in the world.</summary>
    OtherWriteKey,

    /// <summary>A read-write key of the row's organisation.</summary>
    OwnWriteKey,
}
