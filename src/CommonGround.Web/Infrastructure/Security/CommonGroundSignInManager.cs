using CommonGround.Core.Accounts;
using CommonGround.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommonGround.Web.Infrastructure.Security;

/// <summary>Identity's sign-in, with one more rule: deactivated staff cannot sign in.</summary>
public sealed class CommonGroundSignInManager(
    UserManager<UserAccount> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<UserAccount> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<UserAccount>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<UserAccount> confirmation,
    CommonGroundDbContext db)
    : SignInManager<UserAccount>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(UserAccount user)
    {
        if (user.Kind == AccountKind.Professional
            && await db.Professionals.AnyAsync(p => p.UserAccountId == user.Id && p.DeactivatedAt != null))
        {
            return false;
        }

        return await base.CanSignInAsync(user);
    }

    /// <summary>
    /// Signs in, or moves on to the second factor, someone whose password has already been checked, so it is not hashed
    /// twice. The caller has checked lockout and <see cref="CanSignInAsync"/>.
    /// </summary>
    public async Task<SignInResult> SignInWithCheckedPasswordAsync(UserAccount user)
    {
        var result = await SignInOrTwoFactorAsync(user, isPersistent: false);
        if (result.Succeeded)
        {
            await UserManager.ResetAccessFailedCountAsync(user);
        }

        return result;
    }
}
