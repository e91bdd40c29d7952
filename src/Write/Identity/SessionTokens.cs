namespace Platform.Write.Identity;

/// <summary>A signed-in session as the tokens carry it: who, which session, which refresh generation.</summary>
public sealed record SignedIn(Guid TenantId, Guid UserId, string Role, Guid SessionId, int Generation, bool TenantActive);

/// <summary>What a refresh token says, once its protection and expiry have been checked.</summary>
public sealed record RefreshTicket(Guid TenantId, Guid UserId, Guid SessionId, int Generation);

/// <summary>An access token and the refresh token that renews it (the shape of ASP.NET Core's bearer token response).</summary>
public sealed record SessionTokens(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

/// <summary>
/// Issues and reads bearer tokens. The Api implements it with ASP.NET Core's bearer token
/// protectors; handlers only decide which session the tokens stand for.
/// </summary>
public interface ISessionTokens
{
    SessionTokens Issue(SignedIn session);

    /// <summary>The refresh token's ticket, or null when it is not ours, was altered, or has expired.</summary>
    RefreshTicket? ReadRefreshToken(string refreshToken);
}
