using CommonGround.Core.Data;
using CommonGround.Core.Organisations;
using CommonGround.Core.Team;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Organisation.Staff;

/// <summary>Deactivating a member of staff, after choosing who takes everything they still look after.</summary>
public sealed class DeactivateModel(OrganisationService organisations, LeaversWork work, CommonGroundDbContext db, CurrentUser currentUser) : PageBase
{
    public string Name { get; private set; } = "";
    public string OrganisationName { get; private set; } = "";
    public int TeamPlaces { get; private set; }
    public IReadOnlyList<OpenItem> Items { get; private set; } = [];
    public IReadOnlyList<Successor> Successors { get; private set; } = [];

    [BindProperty]
    public HandoverInput Input { get; set; } = new();

    public HandoverForm Handover => new(Name, OrganisationName, Items, Successors, Input, ForOneChild: false);

    public async Task<IActionResult> OnGetAsync(Guid professionalId) => await LoadAsync(professionalId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid professionalId)
    {
        if (!await LoadAsync(professionalId))
        {
            return NotFound();
        }

        var organisationId = (await currentUser.GetAsync())!.Organisation!.Id;
        var result = await organisations.DeactivateStaffAsync(organisationId, professionalId, Input.Choices, Input.Everyone,
            childId => AbsoluteUrl("/Children/Team/Index", new { childId }), await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            HandoverForm.AddProblems(ModelState, result.Error!);
            return Invalid();
        }

        Confirm($"{Name} has been deactivated", Items.Count > 0
            ? $"They will be signed out within a minute. Everything they looked after has a new owner, each family has been told who took what, and each new owner has been told."
            : TeamPlaces == 0 ? "They will be signed out within a minute." : "They will be signed out within a minute, and are no longer on any child's team.");
        return Redirect("/organisation");
    }

    /// <summary>Finds the person in the admin's own organisation, with what they still look after; anyone else is simply not found.</summary>
    private async Task<bool> LoadAsync(Guid professionalId)
    {
        var organisation = (await currentUser.GetAsync())!.Organisation!;
        var name = await db.Professionals.Where(p => p.Id == professionalId && p.OrganisationId == organisation.Id)
            .Select(p => new { p.UserAccount!.DisplayName, p.DeactivatedAt }).SingleOrDefaultAsync();
        if (name is null)
        {
            return false;
        }

        Name = name.DisplayName;
        OrganisationName = organisation.Name;
        TeamPlaces = await db.TeamMembers.CountAsync(t => t.ProfessionalId == professionalId && t.LeftAt == null);
        if (name.DeactivatedAt is null)
        {
            Items = await work.OpenAsync(professionalId);
            Successors = await work.ColleaguesAsync(professionalId);
            ShowsChildren(Items.Select(i => i.ChildId).Distinct(), $"What {Name} looks after, to hand it on as they leave {organisation.Name}");
        }

        return true;
    }
}
