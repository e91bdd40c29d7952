using Platform.Write.Identity;

namespace Platform.Write.Operators;

/// <summary>A signed-in operator session as its tokens carry it: who, which session, which refresh generation. No tenant.</summary>
public sealed record OperatorSignedIn(Guid OperatorId, Guid SessionId, int Generation);

/// <summary>What an operator's refresh token says, once its protection and expiry have been checked.</summary>
public sealed record OperatorRefreshTicket(Guid OperatorId, Guid SessionId, int Generation);

/// <summary>
/// Issues and reads operator tokens: the same protectors and shape as <see cref="ISessionTokens"/>,
/// with the platform-admin role and no tenant claim. A tenant's refresh token is not an operator's, and the reverse.
/// </summary>
public interface IOperatorTokens
{
    SessionTokens Issue(OperatorSignedIn session);

    /// <summary>The ticket, or null when the token is not ours, not an operator's, altered, or expired.</summary>
    OperatorRefreshTicket? ReadRefreshToken(string refreshToken);
}
