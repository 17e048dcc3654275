using CommonGround.Core.Access;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children;

/// <summary>
/// A page about one child. Someone with no relationship to the child gets 404, as if it did not exist;
/// someone related but without the capability the page needs gets 403.
/// </summary>
public abstract class ChildPageBase(AccessService accessService, CurrentUser currentUser) : PageBase
{
    public ChildAccess Access { get; private set; } = default!;

    protected CurrentUser CurrentUser => currentUser;

    /// <summary>Loads the person's access; returns the result to show instead of the page, or null to carry on.</summary>
    protected async Task<IActionResult?> AuthoriseAsync(Guid childId, Capability capability, RecordArea? area = null)
    {
        var access = currentUser.UserId is { } userId ? await accessService.GetAsync(childId, userId) : null;
        if (access is null)
        {
            return NotFound();
        }

        Access = access;
        var allowed = area is { } recordArea ? access.Can(capability, recordArea) : access.Can(capability);
        return allowed ? null : StatusCode(StatusCodes.Status403Forbidden);
    }

    /// <summary>
    /// Says what of the record this page shows, in words for the family's "who has seen". The view is logged whether or
    /// not a page says this (the access check notes it), so this only makes the entry more exact.
    /// </summary>
    protected void DescribeRead(RecordArea? area, string what) =>
        HttpContext.RequestServices.GetRequiredService<ChildReadLog>().Describe(Access.Child.Id, area, what);
}
