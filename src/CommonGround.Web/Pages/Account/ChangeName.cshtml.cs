using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Accounts;
using CommonGround.Core.Audit;
using CommonGround.Core.Data;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Account;

/// <summary>A person changes the name they are known by, themself: nobody else needs to be asked.</summary>
[ShowsNoChildData]
public sealed class ChangeNameModel(CommonGroundDbContext db, CurrentUser currentUser, TimeProvider timeProvider) : PageBase
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Display(Name = "Your name")]
        [Required(ErrorMessage = "Enter your name")]
        [StringLength(200, ErrorMessage = "Your name must be 200 characters or fewer")]
        [SingleLine]
        public string? Name { get; set; }
    }

    public async Task OnGetAsync() => Input.Name = (await currentUser.GetAsync())!.Account.DisplayName;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var account = (await currentUser.GetAsync())!.Account;
        var name = Input.Name!.Trim();
        if (name != account.DisplayName)
        {
            var before = account.DisplayName;
            var actor = await currentUser.ActorAsync();
            account.DisplayName = name;
            db.AuditEvents.Add(AuditEvent.For(actor, timeProvider.UtcNow(), AuditActions.NameChanged, nameof(UserAccount), account.Id, $"Changed their name from {before} to {name}"));
            await db.SaveChangesAsync();
        }

        Confirm("Your name has been changed", $"You are shown as {name} from now on.");
        return Redirect("/account");
    }
}
