using CommonGround.Core.Accounts;
using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Admin.Organisations;

public sealed class DetailsModel(CommonGroundDbContext db, TimeProvider timeProvider) : PageBase
{
    public Core.Organisations.Organisation Organisation { get; private set; } = default!;
    public string AreaName { get; private set; } = "";
    public int ActiveStaff { get; private set; }
    public IReadOnlyList<string> Admins { get; private set; } = [];
    public IReadOnlyList<string> PendingInvitations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid organisationId)
    {
        var organisation = await db.Organisations.Include(o => o.Area).SingleOrDefaultAsync(o => o.Id == organisationId);
        if (organisation is null)
        {
            return NotFound();
        }

        Organisation = organisation;
        AreaName = organisation.Area!.Name;
        ActiveStaff = await db.Professionals.CountAsync(p => p.OrganisationId == organisationId && p.DeactivatedAt == null);
        Admins = await db.Professionals
            .Where(p => p.OrganisationId == organisationId && p.IsOrganisationAdmin && p.DeactivatedAt == null)
            .Select(p => p.UserAccount!.DisplayName + " (" + p.UserAccount.Email + ")")
            .ToListAsync();
        var now = timeProvider.UtcNow();
        PendingInvitations = await db.Invitations
            .Where(Invitation.PendingAt(now)).Where(i => i.OrganisationId == organisationId)
            .OrderBy(i => i.CreatedAt)
            .Select(i => i.DisplayName + " (" + i.Email + ")" + (i.AsOrganisationAdmin ? ", as admin" : ""))
            .ToListAsync();
        return Page();
    }
}
