import { useQuery } from '@tanstack/react-query';
import type { StyleSpecification } from 'maplibre-gl';
import { useDataProvider } from 'react-admin';
import type { YizhanDataProvider } from '../dataProvider';
import type { CoordinateSystem } from '../enums';
import { buildOfflineStyle } from './offlineStyle';

/**
 * The map style: the server's `appConfig.mapStyleUrl` when it sets one (an online basemap),
 * else the bundled offline style; and the datum it is drawn in (`appConfig.mapDatum`, WGS84 for the offline
 * style). Resolved once per page load; `style` is undefined until known.
 */
export const useMapStyle = (): { style: StyleSpecification | string | undefined; datum: CoordinateSystem } => {
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const config = useQuery({
    queryKey: ['yizhan', 'appConfig'],
    queryFn: () => dataProvider.getAppConfig(),
    staleTime: Infinity,
    retry: false,
  });
  const styleUrl = config.data?.mapStyleUrl;
  const offline = useQuery({
    queryKey: ['yizhan', 'offlineMapStyle'],
    queryFn: buildOfflineStyle,
    staleTime: Infinity,
    // Without a style URL (or without the config, e.g. the API is down) use the bundled style.
    enabled: (config.isSuccess && !styleUrl) || config.isError,
  });
  return { style: styleUrl || offline.data, datum: (styleUrl && config.data?.mapDatum) || 'WGS84' };
};
