using CommonGround.Core.Accounts;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Account.Email;

/// <summary>The link from the new address: opening it only asks; the button changes the address (a mail scanner's visit changes nothing).</summary>
[ShowsNoChildData]
public sealed class ConfirmModel(UserManager<UserAccount> userManager, SignInManager<UserAccount> signInManager, AccountService accounts, CurrentUser currentUser) : PageBase
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Works { get; private set; }

    public async Task OnGetAsync() => Works = await UsableAsync((await currentUser.GetAsync())!.Account);

    public async Task<IActionResult> OnPostAsync()
    {
        var account = (await currentUser.GetAsync())!.Account;
        if (!await UsableAsync(account))
        {
            return Page();
        }

        if (!await accounts.ChangeEmailAsync(account, Email!, Token!, await currentUser.ActorAsync()))
        {
            return Page();
        }

        // The change ends every other session; this one carries on.
        await signInManager.RefreshSignInAsync(account);
        Confirm("Your email address has been changed", $"Sign in with {Email} from now on.");
        return Redirect("/account");
    }

    private async Task<bool> UsableAsync(UserAccount account) =>
        !string.IsNullOrWhiteSpace(Email) && !string.IsNullOrWhiteSpace(Token)
        && await userManager.FindByEmailAsync(Email) is null
        && await userManager.VerifyUserTokenAsync(account, userManager.Options.Tokens.ChangeEmailTokenProvider, UserManager<UserAccount>.GetChangeEmailTokenPurpose(Email), Token);
}
