using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Organisation.Staff;

public sealed class DeactivateModel(OrganisationService organisations, CommonGroundDbContext db, CurrentUser currentUser) : PageBase
{
    public string Name { get; private set; } = "";
    public int TeamPlaces { get; private set; }
    public int KeyWorkerPlaces { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid professionalId) => await LoadAsync(professionalId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid professionalId)
    {
        if (!await LoadAsync(professionalId))
        {
            return NotFound();
        }

        var organisationId = (await currentUser.GetAsync())!.Organisation!.Id;
        var result = await organisations.DeactivateStaffAsync(organisationId, professionalId,
            childId => AbsoluteUrl("/Children/Team/Index", new { childId }), await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm($"{Name} has been deactivated", TeamPlaces == 0
            ? "They will be signed out within a minute."
            : $"They will be signed out within a minute, and are no longer on any child's team.{(KeyWorkerPlaces > 0 ? " The families and team leads of the children they were key worker for have been told." : "")}");
        return Redirect("/organisation");
    }

    /// <summary>Finds the person in the admin's own organisation; anyone else is simply not found.</summary>
    private async Task<bool> LoadAsync(Guid professionalId)
    {
        var organisationId = (await currentUser.GetAsync())!.Organisation!.Id;
        var name = await db.Professionals.Where(p => p.Id == professionalId && p.OrganisationId == organisationId)
            .Select(p => p.UserAccount!.DisplayName).SingleOrDefaultAsync();
        Name = name ?? "";
        var places = await db.TeamMembers.Where(t => t.ProfessionalId == professionalId && t.LeftAt == null).Select(t => t.IsKeyWorker).ToListAsync();
        TeamPlaces = places.Count;
        KeyWorkerPlaces = places.Count(keyWorker => keyWorker);
        return name is not null;
    }
}
