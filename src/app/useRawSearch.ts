// The one implementation lives with the shared URL-state helper, which features may import.
export { useRawSearch } from '../components/urlState';
