using CommonGround.Core;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Family.Member;

/// <summary>A young person who decides chooses which parts of their record a parent carer or other carer sees.</summary>
[ChildPage(Capability.ManageConsent)]
public sealed class SharingModel(FamilySharingService sharing, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string MemberName { get; private set; } = "";
    public IReadOnlyList<FamilySharingDecision> History { get; private set; } = [];
    public IReadOnlyList<Option> AreaOptions => Team.InviteModel.Areas;

    public sealed class InputModel
    {
        public List<RecordArea> Areas { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(Guid childId, Guid familyMemberId)
    {
        if (AuthoriseYoungPerson() is { } refused)
        {
            return refused;
        }

        if (await LoadAsync(familyMemberId) is not { } member)
        {
            return NotFound();
        }

        Input = new InputModel { Areas = member.Areas.ToList() };
        return Page();
    }

    [WhileClosed]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid familyMemberId)
    {
        if (AuthoriseYoungPerson() is { } refused)
        {
            return refused;
        }

        if (await LoadAsync(familyMemberId) is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await sharing.SetAsync(
            Access,
            new SetFamilySharingOptions(familyMemberId, Input.Areas, id => AbsoluteUrl("/Children/Overview", new { childId = id })),
            await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return result.Error is NotFoundError ? NotFound() : Invalid(result.Error!);
        }

        Confirm($"You changed what {MemberName} can see", Input.Areas.Count == 0 ? "They can no longer see any part of your record." : "The change has taken effect.");
        return Redirect(ChildLinks.Team(childId));
    }

    /// <summary>Only the young person, once they decide for themselves, chooses what the rest of the family sees.</summary>
    private IActionResult? AuthoriseYoungPerson() =>
        Access.Relationship is { Kind: RelationshipKind.YoungPerson, YoungPersonDecides: true } ? null : StatusCode(StatusCodes.Status403Forbidden);

    private async Task<FamilyMemberSharing?> LoadAsync(Guid familyMemberId)
    {
        var member = (await sharing.ListAsync(Access)).SingleOrDefault(f => f.Member.Id == familyMemberId && f.Member.Relationship != FamilyRelationship.YoungPerson);
        if (member is not null)
        {
            MemberName = member.Name;
            History = await sharing.HistoryAsync(Access.Child.Id, familyMemberId);
        }

        return member;
    }
}
