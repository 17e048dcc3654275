using CommonGround.Core.Accounts;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using OrganisationEntity = CommonGround.Core.Organisations.Organisation;

namespace CommonGround.Web.Pages.Organisation;

public sealed class IndexModel(CommonGroundDbContext db, CurrentUser currentUser, TimeProvider timeProvider) : PageBase
{
    public sealed record StaffRow(Guid Id, string Name, string Email, string JobTitle, bool Admin, bool Active, bool IsYou);
    public sealed record InvitationRow(Guid Id, string Name, string Email, string Expires);

    public OrganisationEntity Organisation { get; private set; } = default!;
    public IReadOnlyList<StaffRow> Staff { get; private set; } = [];
    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var person = (await currentUser.GetAsync())!;
        Organisation = person.Organisation!;
        var staff = await db.Professionals.Where(p => p.OrganisationId == Organisation.Id)
            .OrderBy(p => p.UserAccount!.DisplayName)
            .Select(p => new { p.Id, p.UserAccount!.DisplayName, p.UserAccount.Email, p.JobTitle, p.IsOrganisationAdmin, p.DeactivatedAt, p.UserAccountId })
            .ToListAsync();
        Staff = staff.Select(s => new StaffRow(s.Id, s.DisplayName, s.Email ?? "", s.JobTitle, s.IsOrganisationAdmin, s.DeactivatedAt is null, s.UserAccountId == person.Account.Id)).ToList();
        var now = timeProvider.UtcNow();
        var invitations = await db.Invitations
            .Where(Invitation.PendingAt(now)).Where(i => i.OrganisationId == Organisation.Id)
            .OrderBy(i => i.CreatedAt)
            .ToListAsync();
        Invitations = invitations.Select(i => new InvitationRow(i.Id, i.DisplayName, i.Email, UkDates.DateAtTime(i.ExpiresAt))).ToList();
    }
}
