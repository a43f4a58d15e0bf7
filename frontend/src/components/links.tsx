/** Mantine's anchors, buttons and nav links as typed router links (real hrefs, client-side navigation). */
import { Anchor, Button, NavLink, type AnchorProps, type ButtonProps, type NavLinkProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { forwardRef, type AnchorHTMLAttributes } from 'react';

type AnchorAttributes = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'>;

const AnchorBase = forwardRef<HTMLAnchorElement, AnchorProps & AnchorAttributes>(function AnchorBase(props, ref) {
  return <Anchor component="a" ref={ref} {...props} />;
});

const ButtonBase = forwardRef<HTMLAnchorElement, ButtonProps & AnchorAttributes>(function ButtonBase(props, ref) {
  return <Button component="a" ref={ref} {...props} />;
});

const NavLinkBase = forwardRef<HTMLAnchorElement, NavLinkProps & Omit<AnchorAttributes, 'onChange'>>(function NavLinkBase(props, ref) {
  return <NavLink component="a" ref={ref} {...props} />;
});

export const AnchorLink = createLink(AnchorBase);
export const ButtonLink = createLink(ButtonBase);
export const NavLinkLink = createLink(NavLinkBase);
