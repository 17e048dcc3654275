using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.DataRights;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children;

/// <summary>
/// A professional of the local authority on the child's team closes the record when support ends, choosing the rule
/// of the retention schedule that says how long it is then kept, or reopens it before it is erased.
/// </summary>
[ChildPage(Capability.ViewRecord)]
public sealed class CloseModel(RecordClosureService closures, CurrentUser currentUser, TimeProvider timeProvider) : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public DateOnly Today { get; private set; }

    public static IReadOnlyList<Option> Rules { get; } = RetentionSchedule.Rules.Select(r => new Option(r.Key, r.Reason, $"Kept {r.KeptUntil}.")).ToList();

    public sealed class InputModel
    {
        [Display(Name = "Why is the record being closed?")]
        public string? Rule { get; set; }

        [Display(Name = "Say why in a sentence, for the family")]
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await RefusedAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await RefusedAsync() is { } refused)
        {
            return refused;
        }

        var result = await closures.CloseAsync(Access, new CloseRecordOptions(Input.Rule, Input.Note), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm($"{Access.Child.KnownAs}'s record is closed", $"It will be erased on {UkDates.Date(result.Value!.EraseOn!.Value)}. The family has been told. You can reopen it until then.");
        return Redirect(ChildLinks.Overview(Access.Child.Id));
    }

    [WhileClosed]
    public async Task<IActionResult> OnPostReopenAsync()
    {
        if (await RefusedAsync() is { } refused)
        {
            return refused;
        }

        var result = await closures.ReopenAsync(Access, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm($"{Access.Child.KnownAs}'s record is open again", "It will not be erased. The family has been told.");
        return Redirect(ChildLinks.Overview(Access.Child.Id));
    }

    private async Task<IActionResult?> RefusedAsync()
    {
        Today = timeProvider.TodayInUk();
        return await closures.MayCloseAsync(Access) ? null : StatusCode(StatusCodes.Status403Forbidden);
    }
}
