export { default, metadata } from '../../invite/[token]/page';
