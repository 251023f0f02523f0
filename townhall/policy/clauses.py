"""The clauses of the university guidance (seed document) that rules enforce.

Quoted or closely paraphrased so that every finding can show the author the sentence of
the guidance it concerns; a pack may point rules at its own institution's wording.
"""

PUBLIC = (
    "Social media are public spaces. You should not publish information which you would not be "
    "happy for anyone in the world to see."
)
CLOSED_GROUPS = (
    "When using closed user groups where only a limited number of people have access, do not assume "
    "information posted is private."
)
PASSWORD = (
    "Use a strong password, use different passwords for different applications, never share your "
    "password. Do not share your password with anyone and make sure it is secure at all times."
)
SECURE = (
    "If you are using social media for University purposes it is important to ensure that any such "
    "use is as secure as possible, in order to protect the University's reputation."
)
PATENT = (
    "Please be careful about disclosing intellectual ideas through social media, particularly in relation "
    "to inventions that might be patentable. Disclosure could result in the University's inability to "
    "register certain intellectual property rights, namely patents."
)
CONFIDENTIAL = (
    "Information on social media sites is unlikely to remain confidential; do not publish information "
    "which you would not be happy for anyone in the world to see."
)
CONTENTIOUS = (
    "If you are representing the University, avoid engaging in contentious issues where you are not in "
    "a position to represent the University's official view."
)
CONTROVERSIAL = "Think twice about what you are posting, especially if controversial."
PUBLIC_GATHERING = "You should not say anything that you would not be happy to say in a public gathering."
UNPROFESSIONAL = (
    "Occasional personal use is authorised so long as it does not involve unprofessional or "
    "inappropriate content."
)
BRAND = (
    "Respect the intellectual property of the University and only use University trademarks, logos or "
    "brand names in accordance with the Branding Policy."
)
NEW_ACCOUNT = (
    "The University has a unique and distinctive presence on social media so before you create a new "
    "university related account, please seek advice from the digital team."
)
OWN_BEHALF = (
    "Where you use social media for personal purposes, please make it clear that any comments are made "
    "on your own behalf and do not constitute the views of the University."
)
COPYRIGHT = (
    "Do not assume you can copy information. If the material is not your own, you may be personally "
    "infringing someone else's copyright, unless you have prior permission to use the material. If in "
    "doubt, don't do it."
)
APPROPRIATE_MEDIA = "Ensure that your postings are appropriate to the media and the audience."
INTERACTION = (
    "Promote interaction: the point is not just to broadcast information and hope people find and read "
    "it; use social media to ask and answer questions and encourage discussion."
)
SEPARATE_ACCOUNTS = (
    "Staff must use separate social media accounts for personal and work purposes. Staff must not use "
    "their University email account to log into social media sites if that usage is not for work purposes."
)
REPUTATION = (
    "Remember that even if you make clear any views are not shared by the University, some comments "
    "could still damage the University's reputation."
)
