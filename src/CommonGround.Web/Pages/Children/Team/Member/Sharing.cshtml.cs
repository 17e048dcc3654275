using CommonGround.Core;
using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Team;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Children.Team.Member;

/// <summary>The family decides, area by area and until when, what one team member can see, and sees every past decision.</summary>
public sealed class SharingModel(TeamService teams, CommonGroundDbContext db, CurrentUser currentUser, TimeProvider timeProvider)
    : ChildPageBase(currentUser)
{
    private Dictionary<Guid, string> _names = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string MemberName { get; private set; } = "";
    public IReadOnlyList<SharingConsent> History { get; private set; } = [];
    public IReadOnlyList<Option> AreaOptions => InviteModel.Areas;

    public sealed class InputModel
    {
        public List<RecordArea> Areas { get; set; } = [];

        [Display(Name = "Share from (optional)")]
        public DateOnly? From { get; set; }

        [Display(Name = "Share until (optional)")]
        public DateOnly? Until { get; set; }
    }

    public string NameOf(Guid? userId) => userId is { } id && _names.TryGetValue(id, out var name) ? name : "someone";

    [ChildPage(Capability.ManageConsent)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid memberId)
    {
        if (!await LoadAsync(childId, memberId))
        {
            return NotFound();
        }

        var today = timeProvider.TodayInUk();
        // Shared now, or decided for a date to come.
        var current = History.Where(c => c.WithdrawnAt is null && (c.Until is null || c.Until >= today)).ToList();
        var start = current.Select(c => c.From).DefaultIfEmpty(today).Min();
        Input = new InputModel
        {
            Areas = current.Select(c => c.Area).ToList(),
            From = start > today ? start : null,
            Until = current.Select(c => c.Until).FirstOrDefault(),
        };
        return Page();
    }

    [ChildPage(Capability.ManageConsent)]
    [WhileClosed]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid memberId)
    {
        if (!await LoadAsync(childId, memberId))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await teams.SetSharingAsync(Access, new SetSharingOptions(memberId, Input.Areas, Input.From, Input.Until), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return result.Error is NotFoundError ? NotFound() : Invalid(result.Error!);
        }

        Confirm($"You changed what {MemberName} can see", Input.Areas.Count == 0 ? "They can no longer see any part of the record." : "The change has taken effect.");
        return Redirect(ChildLinks.Team(childId));
    }

    private async Task<bool> LoadAsync(Guid childId, Guid memberId)
    {
        var member = await db.TeamMembers.Include(t => t.Professional!).ThenInclude(p => p.UserAccount)
            .SingleOrDefaultAsync(t => t.Id == memberId && t.ChildId == childId && t.LeftAt == null);
        if (member is null)
        {
            return false;
        }

        MemberName = member.Professional!.UserAccount!.DisplayName;
        History = await db.SharingConsents.Where(c => c.TeamMemberId == memberId).OrderByDescending(c => c.GrantedAt).ThenBy(c => c.Area).ToListAsync();
        var people = History.Select(c => c.GrantedByUserId).Concat(History.Where(c => c.WithdrawnByUserId != null).Select(c => c.WithdrawnByUserId!.Value)).Distinct().ToList();
        _names = await db.Users.Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        return true;
    }
}
