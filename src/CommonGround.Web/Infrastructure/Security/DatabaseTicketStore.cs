using CommonGround.Core.Accounts;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Infrastructure.Security;

/// <summary>
/// Keeps sign-in sessions in the database, shared by every instance; the cookie holds only the session's key. A copied
/// cookie stops working the moment its session ends, whichever instance it is shown to.
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, TimeProvider timeProvider) : ITicketStore
{
    private const string CurrentSessionKey = "cg.session-id";
    private const string FormsKeptKey = "cg.forms-kept";
    private const string PersonKey = "cg.person";
    private static readonly TimeSpan LastUsedAccuracy = TimeSpan.FromMinutes(1);

    /// <summary>The key of the session this request is signed in with, if any.</summary>
    public static Guid? CurrentSession(HttpContext context) => context.Items[CurrentSessionKey] as Guid?;

    /// <summary>
    /// Whether any form is kept for the person this request is signed in as (see <see cref="KeptForms"/>), found with
    /// the session itself so that a page need not ask; null when the request was not signed in with a session.
    /// </summary>
    public static bool? FormsKept(HttpContext context) => context.Items[FormsKeptKey] as bool?;

    /// <summary>The person this request is signed in as, read with the session and not tracked; <see cref="CurrentUser"/> takes it from here.</summary>
    public static Person? PersonRead(HttpContext context) => context.Items[PersonKey] as Person;

    private sealed record SessionRead(byte[] Ticket, DateTime LastUsedAt, bool FormsKept, Person Person);

    // Every signed-in request asks it, so it is made into SQL once.
    private static readonly CompiledPerModel<Func<CommonGroundDbContext, Guid, DateTime, Task<SessionRead?>>> SessionWithPerson = new(() => EF.CompileAsyncQuery(QueryParts.Inline(
        (CommonGroundDbContext db, Guid id, DateTime now) => (
                from s in db.UserSessions
                where s.Id == id && s.ExpiresAt > now
                join u in db.Users on s.UserAccountId equals u.Id
                join p in db.Professionals on u.Id equals p.UserAccountId into places
                from p in places.DefaultIfEmpty()
                select new SessionRead(s.Ticket, s.LastUsedAt, db.KeptForms.Any(f => f.UserAccountId == s.UserAccountId && f.KeptUntil > now),
                    CurrentUser.PersonOf.Apply(db, u, p)))
            .AsNoTracking()
            .SingleOrDefault())));

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null!, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value);
        var now = timeProvider.UtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        var userAgent = httpContext?.Request.Headers.UserAgent.ToString();
        var session = new UserSession
        {
            UserAccountId = userId,
            Ticket = TicketSerializer.Default.Serialize(ticket),
            SignedInAt = now,
            LastUsedAt = now,
            ExpiresAt = ExpiryOf(ticket, now),
            UserAgent = string.IsNullOrWhiteSpace(userAgent) ? null : userAgent[..Math.Min(userAgent.Length, UserSession.DeviceMaxLength)],
            IpAddress = httpContext?.Connection.RemoteIpAddress?.ToString(),
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        // Signing in is using the account: it is no longer unused, and any warning that it will be deleted is withdrawn.
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.LastSignedInAt, now)
            .SetProperty(x => x.DeletionWarningId, (Guid?)null), cancellationToken);
        // Sessions long past their end are cleared as new ones begin, so the table holds only what could still be used.
        var stale = now - TimeSpan.FromDays(1);
        await db.UserSessions.Where(s => s.ExpiresAt < stale).ExecuteDeleteAsync(cancellationToken);
        if (httpContext is not null)
        {
            httpContext.Items[CurrentSessionKey] = session.Id;
        }

        return session.Id.ToString();
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null!, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null!, cancellationToken);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(key, out var id))
        {
            return;
        }

        var now = timeProvider.UtcNow();
        var serialized = TicketSerializer.Default.Serialize(ticket);
        var expires = ExpiryOf(ticket, now);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Ticket, serialized)
            .SetProperty(x => x.ExpiresAt, expires)
            .SetProperty(x => x.LastUsedAt, now), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null!, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(key, out var id))
        {
            return null;
        }

        var now = timeProvider.UtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        var session = await SessionWithPerson.For(db)(db, id, now);
        if (session is null)
        {
            return null;
        }

        if (now - session.LastUsedAt > LastUsedAccuracy)
        {
            await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastUsedAt, now), cancellationToken);
        }

        if (httpContext is not null)
        {
            httpContext.Items[CurrentSessionKey] = id;
            httpContext.Items[FormsKeptKey] = session.FormsKept;
            httpContext.Items[PersonKey] = session.Person;
        }

        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null!, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null!, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(key, out var id))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonGroundDbContext>();
        await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    private DateTime ExpiryOf(AuthenticationTicket ticket, DateTime now) =>
        ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + SessionLifetime.Idle;
}

/// <summary>Gives the application cookie its database session store.</summary>
public sealed class UseDatabaseTicketStore(DatabaseTicketStore store) : Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)
        {
            options.SessionStore = store;
        }
    }
}
