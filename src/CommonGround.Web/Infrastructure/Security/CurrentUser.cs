using System.Security.Claims;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Infrastructure.Security;

/// <summary>The signed-in person as the database knows them now, not as their cookie remembers them.</summary>
public sealed record Person(UserAccount Account, Professional? Professional, Organisation? Organisation)
{
    public bool IsServiceAdmin => Account.Kind == AccountKind.ServiceAdmin;
    public bool IsFamily => Account.Kind == AccountKind.Family;
    public bool IsProfessional => Account.Kind == AccountKind.Professional && Professional is { IsActive: true };
    public bool IsOrganisationAdmin => IsProfessional && Professional!.IsOrganisationAdmin;
}

/// <summary>Loads the signed-in person once per request.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, CommonGroundDbContext db)
{
    private Person? _person;
    private bool _loaded;

    public Guid? UserId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public async Task<Person?> GetAsync()
    {
        if (_loaded)
        {
            return _person;
        }

        _loaded = true;
        if (UserId is not { } id)
        {
            return null;
        }

        var account = await db.Users.SingleOrDefaultAsync(u => u.Id == id);
        if (account is null)
        {
            return null;
        }

        var professional = await db.Professionals.Include(p => p.Organisation).SingleOrDefaultAsync(p => p.UserAccountId == id);
        _person = new Person(account, professional, professional?.Organisation);
        return _person;
    }

    public async Task<Actor> ActorAsync()
    {
        var person = await GetAsync();
        var ip = accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
        return person is null
            ? Actor.System with { Name = "Someone not signed in", IpAddress = ip }
            : new Actor(person.Account.Id, person.Account.DisplayName, person.Professional?.OrganisationId, person.Professional?.AreaId, ip)
            {
                OrganisationName = person.Organisation?.Name,
            };
    }

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
