import { createRoot } from 'react-dom/client';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import 'graphiql/style.css';

/**
 * The GraphQL explorer served at `/graphql` to browsers: GraphiQL from npm, bundled by Vite, so it makes no
 * request but to this server (the CSP allows nothing else). Requests go to `/graphql` on the same origin with
 * the headers typed into the Headers tab (e.g. `{"X-API-Key": "yz_…"}`); a signed-in admin's session cookie is
 * sent too.
 */
const fetcher: GraphiQLProps['fetcher'] = async (params, opts) => {
  const res = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(opts?.headers ?? {}) },
    body: JSON.stringify(params),
  });
  return res.json();
};

const DEFAULT_QUERY = `# Yizhan GraphQL API. Developer guide: /developers
# The nearest open station with drinking water and a toilet, near 郑州市 二七广场, coordinates in GCJ-02 (AMap, WeChat).
# Run it with the ▶ button (or Ctrl-Enter). With an API key, add {"X-API-Key": "yz_…"} in Headers below.
query NearestOpen {
  nearbyStations(
    near: { lng: 113.6253, lat: 34.7466, crs: GCJ02 }
    amenities: [DRINKING_WATER, TOILET]
    openNow: true
    first: 1
  ) {
    edges {
      distanceMeters
      node { id name address openingHours location(crs: GCJ02) { lng lat } }
    }
  }
}
`;

createRoot(document.getElementById('root')!).render(
  <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} shouldPersistHeaders={false} isHeadersEditorEnabled>
    <GraphiQL.Logo>
      <a href="/developers" style={{ color: 'inherit', textDecoration: 'none' }}>驿站 Yizhan API</a>
    </GraphiQL.Logo>
  </GraphiQL>,
);
